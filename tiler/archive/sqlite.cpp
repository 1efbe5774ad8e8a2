#include "archive/sqlite.hpp"

#include "core/error.hpp"

#include <sqlite3.h>

namespace tiler::sqlite {

void Database::Close::operator()(sqlite3* d) const { sqlite3_close_v2(d); }
void Statement::Finalize::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }

Database::Database(const std::string& path, Mode mode) : path_(path) {
    sqlite3* raw = nullptr;
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK) {
        const std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        throw OutputError("sqlite: " + path + ": cannot open: " + msg);
    }
    sqlite3_extended_result_codes(raw, 1);
}

void Database::fail(const std::string& sql, const char* what) const {
    throw OutputError("sqlite: " + path_ + ": " + what + " failed: " + sqlite3_errmsg(db_.get()) + " [SQL: " + sql +
                      "]");
}

void Database::exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : sqlite3_errmsg(db_.get());
        sqlite3_free(err);
        throw OutputError("sqlite: " + path_ + ": exec failed: " + msg + " [SQL: " + sql + "]");
    }
}

std::int64_t Database::query_int64(const std::string& sql) {
    Statement st(*this, sql);
    if (!st.step()) throw OutputError("sqlite: " + path_ + ": query returned no row [SQL: " + sql + "]");
    return st.column_int64(0);
}

Statement::Statement(Database& db, const std::string& sql) : db_(&db), sql_(sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        db.fail(sql, "prepare");
    }
    stmt_.reset(raw);
}

void Statement::check(int rc, const char* what) const {
    if (rc != SQLITE_OK) db_->fail(sql_, what);
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_.get(), index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    check(sqlite3_bind_text64(stmt_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), "bind");
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    // A zero-length blob must still be a blob, not NULL: SQLite binds NULL for a null pointer.
    static const char empty = 0;
    const void* p = bytes.empty() ? &empty : bytes.data();
    check(sqlite3_bind_blob64(stmt_.get(), index, p, bytes.size(), SQLITE_TRANSIENT), "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->fail(sql_, "step");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::int64_t Statement::column_int64(int col) const { return sqlite3_column_int64(stmt_.get(), col); }

std::string Statement::column_text(int col) const {
    const auto* p = sqlite3_column_text(stmt_.get(), col);
    const int n = sqlite3_column_bytes(stmt_.get(), col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::string Statement::column_blob(int col) const {
    const auto* p = sqlite3_column_blob(stmt_.get(), col);
    const int n = sqlite3_column_bytes(stmt_.get(), col);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

} // namespace tiler::sqlite
