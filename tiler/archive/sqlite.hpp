#pragma once
// A small RAII wrapper over the SQLite C API: one Database owns its sqlite3*, one Statement its sqlite3_stmt*.
// Every error names the database file and the SQL that failed.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace tiler::sqlite {

class Database;

/// A prepared statement. Bind indices start at 1 (as in SQLite); column indices at 0.
class Statement {
public:
    Statement(Database& db, const std::string& sql);

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind_blob(int index, std::string_view bytes);

    /// Runs one step: true if a row is available, false when done.
    bool step();
    /// Runs a statement that returns no rows, then resets it for the next bindings.
    void run();
    void reset();

    std::int64_t column_int64(int col) const;
    std::string column_text(int col) const;
    std::string column_blob(int col) const;

    const std::string& sql() const { return sql_; }

private:
    void check(int rc, const char* what) const;

    struct Finalize { void operator()(sqlite3_stmt* s) const; };
    Database* db_;
    std::string sql_;
    std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
};

class Database {
public:
    enum class Mode { ReadOnly, Create };   ///< Create: read-write, created if missing

    Database(const std::string& path, Mode mode);

    /// Runs one or more statements that return no rows.
    void exec(const std::string& sql);
    /// Runs a query that returns a single integer (e.g. `SELECT count(*) ...`).
    std::int64_t query_int64(const std::string& sql);

    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_.get(); }

    /// Throws OutputError naming the file, the SQL and SQLite's message.
    [[noreturn]] void fail(const std::string& sql, const char* what) const;

private:
    struct Close { void operator()(sqlite3* d) const; };
    std::string path_;
    std::unique_ptr<sqlite3, Close> db_;
};

} // namespace tiler::sqlite
