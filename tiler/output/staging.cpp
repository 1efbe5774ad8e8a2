#include "output/staging.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tiler {

namespace {

#ifndef RENAME_EXCHANGE
constexpr unsigned kRenameExchange = 1U << 1;
#else
constexpr unsigned kRenameExchange = RENAME_EXCHANGE;
#endif

/// renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) through the raw syscall (older libcs lack the wrapper).
int exchange(const std::string& a, const std::string& b) {
#ifdef SYS_renameat2
    return static_cast<int>(syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), kRenameExchange));
#else
    (void)a; (void)b;
    errno = ENOSYS;
    return -1;
#endif
}

std::string normalized(const std::string& out) {
    if (out.empty()) throw OutputError("output directory: empty path");
    fs::path p = fs::path(out).lexically_normal();
    if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();   // "out/" -> "out"
    const std::string name = p.filename().string();
    if (name.empty() || name == "." || name == "..")
        throw OutputError("output directory '" + out + "': must name a directory (not '.', '..' or '/')");
    return p.string();
}

bool process_runs(long pid) {
    if (pid <= 0) return false;
    if (pid == static_cast<long>(::getpid())) return false;   // a previous process with our pid: stale
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

std::string sys_message(int err) { return std::generic_category().message(err); }

} // namespace

std::string staging_name(const std::string& out, long pid) { return out + ".staging-" + std::to_string(pid); }

std::size_t remove_stale_staging(const std::string& out_arg) {
    const fs::path out(normalized(out_arg));
    const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
    const std::string prefix = out.filename().string() + ".staging-";
    std::error_code ec;
    fs::directory_iterator it(parent, ec);
    if (ec) return 0;   // no parent yet: nothing stale
    std::size_t removed = 0;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        std::string digits = name.substr(prefix.size());
        if (digits.size() > 4 && digits.compare(digits.size() - 4, 4, "-old") == 0) digits.resize(digits.size() - 4);
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
        if (process_runs(std::stol(digits))) continue;   // another run is writing there right now
        std::error_code rm;
        fs::remove_all(it->path(), rm);
        if (rm) throw OutputError(it->path().string() + ": cannot remove stale staging directory: " + rm.message());
        ++removed;
    }
    return removed;
}

OutputTransaction::OutputTransaction(std::string out) : out_(normalized(out)) {
    const fs::path o(out_);
    std::error_code ec;
    if (o.has_parent_path()) {
        fs::create_directories(o.parent_path(), ec);
        if (ec) throw OutputError(o.parent_path().string() + ": cannot create directory: " + ec.message());
    }
    if (fs::exists(o, ec) && !fs::is_directory(o, ec))
        throw OutputError(out_ + ": exists and is not a directory");
    remove_stale_staging(out_);
    staging_ = staging_name(out_, static_cast<long>(::getpid()));
    if (!fs::create_directory(staging_, ec) || ec)
        throw OutputError(staging_ + ": cannot create staging directory: " + (ec ? ec.message() : "already exists"));
}

OutputTransaction::~OutputTransaction() {
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(staging_, ec);   // best effort: a leftover is removed by the next run
}

std::string OutputTransaction::path(const std::string& relative) const {
    const fs::path p = fs::path(staging_) / relative;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) throw OutputError(p.parent_path().string() + ": cannot create directory: " + ec.message());
    return p.string();
}

std::optional<std::string> OutputTransaction::previous(const std::string& relative) const {
    const fs::path p = fs::path(out_) / relative;
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
    return std::nullopt;
}

bool OutputTransaction::reuse(const std::string& relative) const {
    const auto old = previous(relative);
    if (!old) return false;
    const std::string dst = path(relative);
    std::error_code ec;
    fs::remove(dst, ec);
    fs::create_hard_link(*old, dst, ec);
    if (!ec) return true;
    fs::copy_file(*old, dst, fs::copy_options::overwrite_existing, ec);
    if (ec) throw OutputError(dst + ": cannot copy from " + *old + ": " + ec.message());
    return true;
}

void OutputTransaction::commit() {
    if (committed_) throw OutputError(out_ + ": output committed twice");
    std::error_code ec;
    const bool had_old = fs::exists(out_, ec);
    if (!had_old) {
        if (::rename(staging_.c_str(), out_.c_str()) != 0)
            throw OutputError(out_ + ": cannot move " + staging_ + " into place: " + sys_message(errno));
        committed_ = true;
        return;
    }
    if (exchange(staging_, out_) != 0) {
        const int err = errno;
        if (err != ENOSYS && err != EINVAL)
            throw OutputError(out_ + ": cannot swap in " + staging_ + ": " + sys_message(err));
        // No RENAME_EXCHANGE (old kernel or filesystem): two renames; a crash in between leaves the old
        // output in `<out>.staging-<pid>-old`.
        const std::string aside = staging_ + "-old";
        if (::rename(out_.c_str(), aside.c_str()) != 0)
            throw OutputError(out_ + ": cannot move the previous output aside: " + sys_message(errno));
        if (::rename(staging_.c_str(), out_.c_str()) != 0) {
            const int e2 = errno;
            ::rename(aside.c_str(), out_.c_str());
            throw OutputError(out_ + ": cannot move " + staging_ + " into place: " + sys_message(e2));
        }
        committed_ = true;
        fs::remove_all(aside, ec);
        return;
    }
    committed_ = true;
    fs::remove_all(staging_, ec);   // now the previous output; a leftover is removed by the next run
}

} // namespace tiler
