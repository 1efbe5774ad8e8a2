#include "archive/atomic.hpp"

#include "core/error.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace tiler {
namespace {

std::string temp_name(const std::string& path) { return path + ".tmp-" + std::to_string(::getpid()); }

void make_parent(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    if (parent.empty()) return;
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw OutputError(parent.string() + ": cannot create directory: " + ec.message());
}

void remove_quietly(const std::string& path) {
    std::error_code ec;
    fs::remove_all(path, ec);
}

} // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), temp_(temp_name(path_)) {
    make_parent(path_);
    remove_quietly(temp_);
}

AtomicFile::~AtomicFile() {
    if (!committed_) remove_quietly(temp_);
}

void AtomicFile::commit() {
    std::error_code ec;
    fs::rename(temp_, path_, ec);
    if (ec) throw OutputError(path_ + ": cannot rename " + temp_ + " onto it: " + ec.message());
    committed_ = true;
}

AtomicDirectory::AtomicDirectory(std::string dir) : dir_(std::move(dir)), temp_(temp_name(dir_)) {
    make_parent(dir_);
    remove_quietly(temp_);
    std::error_code ec;
    fs::create_directories(temp_, ec);
    if (ec) throw OutputError(temp_ + ": cannot create directory: " + ec.message());
}

AtomicDirectory::~AtomicDirectory() {
    if (!committed_) remove_quietly(temp_);
}

void AtomicDirectory::commit() {
    const std::string old = dir_ + ".old-" + std::to_string(::getpid());
    remove_quietly(old);
    std::error_code ec;
    const bool existed = fs::exists(dir_, ec);
    if (existed) {
        fs::rename(dir_, old, ec);
        if (ec) throw OutputError(dir_ + ": cannot move the previous directory aside: " + ec.message());
    }
    fs::rename(temp_, dir_, ec);
    if (ec) {
        std::error_code ignored;
        if (existed) fs::rename(old, dir_, ignored);
        throw OutputError(dir_ + ": cannot rename " + temp_ + " onto it: " + ec.message());
    }
    committed_ = true;
    remove_quietly(old);
}

void write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw OutputError(path + ": cannot open for writing: " + std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw OutputError(path + ": write failed: " + std::strerror(errno));
}

void write_file_atomic(const std::string& path, std::string_view bytes) {
    AtomicFile tmp(path);
    write_file(tmp.temp_path(), bytes);
    tmp.commit();
}

} // namespace tiler
