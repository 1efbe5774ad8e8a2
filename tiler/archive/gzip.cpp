#include "archive/gzip.hpp"

#include "core/error.hpp"

#include <libdeflate.h>
#include <zlib.h>

#include <cstring>
#include <memory>

namespace tiler {
namespace {

constexpr int kGzipLevel = 6;
constexpr int kGzipWindow = 15 + 16;   // 32 KiB window, gzip wrapper

struct CompressorDeleter {
    void operator()(libdeflate_compressor* c) const noexcept { libdeflate_free_compressor(c); }
};

/// One libdeflate compressor per thread: allocating one costs more than compressing a small tile.
libdeflate_compressor& compressor() {
    thread_local const std::unique_ptr<libdeflate_compressor, CompressorDeleter> c(
        libdeflate_alloc_compressor(kGzipLevel));
    if (!c) throw Error("libdeflate: cannot allocate a compressor");
    return *c;
}

/// A zlib inflate stream reading the gzip wrapper.
struct Inflater {
    z_stream zs;
    Inflater() {
        std::memset(&zs, 0, sizeof zs);
        if (inflateInit2(&zs, kGzipWindow) != Z_OK) throw Error("zlib: cannot initialise a gzip stream");
    }
    ~Inflater() { inflateEnd(&zs); }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
};

} // namespace

std::string gzip_compress(std::string_view data) {
    libdeflate_compressor& c = compressor();
    std::string out(libdeflate_gzip_compress_bound(&c, data.size()), '\0');
    const std::size_t n = libdeflate_gzip_compress(&c, data.data(), data.size(), out.data(), out.size());
    if (n == 0) throw Error("libdeflate: gzip compression failed");
    out.resize(n);
    return out;
}

std::string gzip_decompress(std::string_view data) {
    Inflater s;
    s.zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    s.zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buf[16384];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        s.zs.next_out = reinterpret_cast<Bytef*>(buf);
        s.zs.avail_out = sizeof buf;
        rc = inflate(&s.zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            throw Error(std::string("zlib: corrupt gzip data: ") + (s.zs.msg ? s.zs.msg : "truncated"));
        out.append(buf, sizeof buf - s.zs.avail_out);
        if (rc == Z_OK && s.zs.avail_in == 0 && s.zs.avail_out != 0) throw Error("zlib: truncated gzip data");
    }
    return out;
}

} // namespace tiler
