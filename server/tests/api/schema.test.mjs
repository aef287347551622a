// The response check of the API tests (schema.mjs, issue 10) itself: it must refuse each kind of drift between a
// handler's JSON and its declared schema, and name the JSON path of each.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { checkAnswer, routeTable, validate } from './schema.mjs';

const schemas = {
    Attachment: {
        type: 'object',
        required: ['id', 'filename'],
        additionalProperties: false,
        properties: { id: { type: 'integer' }, filename: { type: 'string' } },
    },
    Qualification: {
        type: 'object',
        required: ['id', 'status', 'attachment', 'verified_at'],
        additionalProperties: false,
        properties: {
            id: { type: 'integer' },
            status: { type: 'string', enum: ['ok', 'expiring', 'expired'] },
            attachment: { $ref: '#/components/schemas/Attachment', nullable: true },
            verified_at: { type: 'string', nullable: true },
            tags: { type: 'array', items: { type: 'string' } },
            score: { type: 'number' },
            done: { type: 'boolean' },
            extra: { description: 'anything' },
        },
    },
};
const ref = { $ref: '#/components/schemas/Qualification' };
const fitting = { id: 1, status: 'ok', attachment: { id: 2, filename: 'a.pdf' }, verified_at: null, tags: ['x'], score: 1.5, done: true, extra: { a: 1 } };

test('an answer that fits its schema has no problem, nulls where nullable included', () => {
    assert.deepEqual(validate(ref, fitting, schemas), []);
    assert.deepEqual(validate(ref, { ...fitting, attachment: null, verified_at: 'an instant' }, schemas), []);
});

test('a missing required field is refused, naming the path', () => {
    const { status: _status, ...missing } = fitting;
    assert.deepEqual(validate(ref, missing, schemas), [{ path: '$', problem: 'missing required field status' }]);
    assert.deepEqual(validate(ref, { ...fitting, attachment: { id: 2 } }, schemas), [
        { path: '$.attachment', problem: 'missing required field filename' },
    ]);
});

test('a property the schema does not declare is refused', () => {
    assert.deepEqual(validate(ref, { ...fitting, colour: 'red' }, schemas), [{ path: '$', problem: 'unexpected property colour' }]);
});

test('a wrong type is refused: a string for an integer, a fraction for an integer, an object for an array', () => {
    assert.deepEqual(validate(ref, { ...fitting, id: '1' }, schemas), [{ path: '$.id', problem: 'expected integer, got the string "1"' }]);
    assert.deepEqual(validate(ref, { ...fitting, id: 1.5 }, schemas), [{ path: '$.id', problem: 'expected integer, got the number 1.5' }]);
    assert.deepEqual(validate(ref, { ...fitting, tags: {} }, schemas), [{ path: '$.tags', problem: 'expected array, got an object' }]);
    assert.deepEqual(validate(ref, { ...fitting, tags: ['x', 3] }, schemas), [{ path: '$.tags[1]', problem: 'expected string, got the number 3' }]);
    assert.deepEqual(validate(ref, { ...fitting, done: 'yes' }, schemas), [{ path: '$.done', problem: 'expected boolean, got the string "yes"' }]);
});

test('a null where the schema does not allow null is refused', () => {
    assert.deepEqual(validate(ref, { ...fitting, id: null }, schemas), [{ path: '$.id', problem: 'null where the schema does not allow null' }]);
    assert.deepEqual(validate({ type: 'array', items: ref }, [null], schemas), [
        { path: '$[0]', problem: 'null where the schema does not allow null' },
    ]);
});

test('a value outside the enum is refused', () => {
    assert.deepEqual(validate(ref, { ...fitting, status: 'none' }, schemas), [
        { path: '$.status', problem: 'the string "none" is not one of "ok", "expiring", "expired"' },
    ]);
});

test('oneOf takes a value fitting exactly one alternative', () => {
    const setting = { oneOf: [{ type: 'integer' }, { type: 'string' }] };
    assert.deepEqual(validate(setting, 3, schemas), []);
    assert.deepEqual(validate(setting, 'three', schemas), []);
    assert.deepEqual(validate(setting, true, schemas), [{ path: '$', problem: 'the boolean true fits 0 of the 2 alternatives (oneOf), not one' }]);
    assert.deepEqual(validate(setting, null, schemas), [{ path: '$', problem: 'null where the schema does not allow null' }]);
});

test('a $ref to nothing is an error of the schema, not a pass', () => {
    assert.throws(() => validate({ $ref: '#/components/schemas/Nothing' }, {}, schemas), /resolves to no schema/);
});

test('an answer is checked against its route: the route, the status and the JSON path are named', () => {
    const page = {
        type: 'object',
        required: ['items', 'total'],
        additionalProperties: false,
        properties: { items: { type: 'array', items: ref }, total: { type: 'integer' } },
    };
    const document = {
        paths: {
            '/api/v1/things': { get: { 'x-shape-declared': true, responses: { 200: { content: { 'application/json': { schema: page } } } } } },
            '/api/v1/things/{id}': {
                get: { 'x-shape-declared': true, responses: { 200: { content: { 'application/json': { schema: ref } } } } },
                delete: { 'x-shape-declared': true, responses: { 204: { description: 'No content' } } },
            },
            '/api/v1/things/export.xlsx': { get: { 'x-shape-declared': true, responses: { 200: { content: { 'application/octet-stream': {} } } } } },
            '/api/v1/others': { get: { responses: { 200: { description: 'OK' } } } },
            // Route::CreatesOrReturns: 201 for a new record, 200 for the one that was there, one schema (PRJ-5).
            '/api/v1/things/{id}/members': {
                post: {
                    'x-shape-declared': true,
                    responses: { 200: { content: { 'application/json': { schema: ref } } }, 201: { content: { 'application/json': { schema: ref } } } },
                },
            },
        },
        components: { schemas },
    };
    const table = routeTable(document);
    const check = (method, path, status, body) => checkAnswer(document, table, method, path, status, body, 'application/json');
    assert.deepEqual(check('GET', '/api/v1/things', 200, { items: [fitting], total: 1 }), []);
    assert.deepEqual(check('GET', '/api/v1/things', 200, { items: [{ ...fitting, id: 'x' }], total: 1 }), [
        'GET /api/v1/things: $.items[0].id: expected integer, got the string "x"',
    ]);
    assert.deepEqual(check('GET', '/api/v1/things/7', 201, fitting), ['GET /api/v1/things/{id}: answered 201, but declares 200']);
    assert.deepEqual(check('DELETE', '/api/v1/things/7', 204, {}), ['DELETE /api/v1/things/{id}: answered 204 with application/json, but declares no content']);
    assert.deepEqual(check('GET', '/api/v1/things/export.xlsx', 200, {}), []);
    assert.deepEqual(check('GET', '/api/v1/others', 200, { anything: 1 }), []);
    assert.deepEqual(check('GET', '/api/v1/nowhere', 200, {}), ['GET /api/v1/nowhere: no route of the OpenAPI document matches']);
    assert.deepEqual(check('POST', '/api/v1/things/7/members', 201, fitting), []);
    assert.deepEqual(check('POST', '/api/v1/things/7/members', 200, fitting), []);
    assert.deepEqual(check('POST', '/api/v1/things/7/members', 200, { ...fitting, id: 'x' }), [
        'POST /api/v1/things/{id}/members: $.id: expected integer, got the string "x"',
    ]);
    assert.deepEqual(check('POST', '/api/v1/things/7/members', 204, {}), ['POST /api/v1/things/{id}/members: answered 204, but declares 200 or 201']);
});
