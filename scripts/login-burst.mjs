// Measures how a burst of log-ins affects a signed-in user's reading (issue 11): the read latency of GET /vendors
// alone, then while N log-ins run at once. Log-ins hash a password (argon2id) on the server's own password worker, so
// reads should barely move. Usage: node scripts/login-burst.mjs [BIN] [N]; prints one summary line per phase.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const bin = process.argv[2] ?? 'build/release/houqin';
const burst = Number(process.argv[3] ?? 30);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-burst-'));
const db = `sqlite:${path.join(dir, 'burst.db')}`;
spawnSync(bin, ['seed-demo', '--db', db], { stdio: 'ignore' });
const port = await new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => resolve(free));
    });
});
const server = spawn(bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--web-dir', '', '--daily-job', 'false'],
    { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/api/v1`;
for (let i = 0; i < 100; i += 1) {
    try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch { /* starting */ }
    await new Promise((resolve) => setTimeout(resolve, 100));
}
const login = (username, password) => fetch(`${base}/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
});
const signed = await login('office', 'Office@2026');
const cookie = signed.headers.getSetCookie().find((value) => value.startsWith('houqin_session=')).split(';')[0];

async function reads(count) {
    const times = [];
    for (let i = 0; i < count; i += 1) {
        const started = performance.now();
        await (await fetch(`${base}/vendors`, { headers: { Cookie: cookie } })).arrayBuffer();
        times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return `p50=${times[Math.floor(times.length / 2)].toFixed(1)}ms max=${times[times.length - 1].toFixed(1)}ms`;
}

await reads(20); // warm-up
console.log(`reads alone: ${await reads(40)}`);
const started = performance.now();
const logins = Promise.all(Array.from({ length: burst }, (_, i) => login(`burst${i}`, 'Wrong@pass1')));
const during = await reads(40);
await logins;
console.log(`reads during ${burst} log-ins: ${during} (the log-ins took ${(performance.now() - started).toFixed(0)}ms in all)`);
server.kill('SIGTERM');
fs.rmSync(dir, { recursive: true, force: true });
