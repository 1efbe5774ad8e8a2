// The SQLite RAII wrapper: round trip and error messages that name the file and the SQL.
#include "archive/sqlite.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace tiler;

TEST(Sqlite, BindsStepsAndReadsBack) {
    const std::string path = (fs::temp_directory_path() / "tiler_test_sqlite.db").string();
    fs::remove(path);
    {
        sqlite::Database db(path, sqlite::Database::Mode::Create);
        db.exec("CREATE TABLE t (i INTEGER, s TEXT, b BLOB)");
        sqlite::Statement ins(db, "INSERT INTO t VALUES (?1, ?2, ?3)");
        ins.bind(1, std::int64_t{-5}).bind(2, std::string("héllo")).bind_blob(3, std::string("a\0b", 3)).run();
        ins.bind(1, std::int64_t{7}).bind(2, std::string("")).bind_blob(3, std::string()).run();
    }
    sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
    EXPECT_EQ(db.query_int64("SELECT count(*) FROM t"), 2);
    EXPECT_EQ(db.query_int64("SELECT count(*) FROM t WHERE b IS NOT NULL AND typeof(b) = 'blob'"), 2);
    sqlite::Statement q(db, "SELECT i, s, b FROM t ORDER BY i");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.column_int64(0), -5);
    EXPECT_EQ(q.column_text(1), "héllo");
    EXPECT_EQ(q.column_blob(2), std::string("a\0b", 3));
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.column_blob(2), "");
    EXPECT_FALSE(q.step());
    fs::remove(path);
}

TEST(Sqlite, ErrorsNameFileAndSql) {
    const std::string path = (fs::temp_directory_path() / "tiler_test_sqlite_err.db").string();
    fs::remove(path);
    sqlite::Database db(path, sqlite::Database::Mode::Create);
    try {
        db.exec("CREATE TABLE oops (");
        FAIL();
    } catch (const OutputError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find(path), std::string::npos) << m;
        EXPECT_NE(m.find("CREATE TABLE oops ("), std::string::npos) << m;
    }
    try {
        sqlite::Statement st(db, "SELECT nope FROM nowhere");
        FAIL();
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find("SELECT nope FROM nowhere"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("no such table"), std::string::npos) << e.what();
    }
    EXPECT_THROW(sqlite::Database("/nonexistent-dir/x.db", sqlite::Database::Mode::ReadOnly), OutputError);
    fs::remove(path);
}
