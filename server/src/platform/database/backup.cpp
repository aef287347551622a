#include "platform/database/backup.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

namespace houqin::storage {

std::string BackupDatabase(const DatabaseUrl& url, const std::string& out_path) {
    if (url.engine == Engine::kSqlite) {
        sqlite3* source = nullptr;
        sqlite3* target = nullptr;
        std::string problem;
        if (sqlite3_open_v2(url.target.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            problem = "cannot open " + url.target;
        } else if (sqlite3_open(out_path.c_str(), &target) != SQLITE_OK) {
            problem = "cannot create " + out_path;
        } else {
            sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
            if (!backup) {
                problem = sqlite3_errmsg(target);
            } else {
                int code = SQLITE_OK;
                do {
                    code = sqlite3_backup_step(backup, 256);
                    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) sqlite3_sleep(50);
                } while (code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED);
                sqlite3_backup_finish(backup);
                if (code != SQLITE_DONE) problem = sqlite3_errmsg(target);
            }
        }
        sqlite3_close(target);
        sqlite3_close(source);
        return problem;
    }
    // PostgreSQL: pg_dump, started without a shell so the URL is never parsed as a command.
    const pid_t child = fork();
    if (child < 0) return "cannot start pg_dump";
    if (child == 0) {
        execlp("pg_dump", "pg_dump", "--format=custom", "--file", out_path.c_str(), url.target.c_str(),
               static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return WEXITSTATUS(status) == 127 ? "pg_dump is not installed" : "pg_dump failed";
    }
    return "";
}

}  // namespace houqin::storage
