#include "archive/gzip.hpp"

#include "core/error.hpp"

#include <zlib.h>

#include <cstring>

namespace tiler {
namespace {

constexpr int kGzipWindow = 15 + 16;   // 32 KiB window, gzip wrapper

struct Stream {
    z_stream zs;
    bool deflating;
    Stream(bool deflate_mode) : deflating(deflate_mode) {
        std::memset(&zs, 0, sizeof zs);
        const int rc = deflating ? deflateInit2(&zs, 6, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY)
                                 : inflateInit2(&zs, kGzipWindow);
        if (rc != Z_OK) throw Error("zlib: cannot initialise a gzip stream");
    }
    ~Stream() { deflating ? deflateEnd(&zs) : inflateEnd(&zs); }
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;
};

} // namespace

std::string gzip_compress(std::string_view data) {
    Stream s(true);
    std::string out(deflateBound(&s.zs, static_cast<uLong>(data.size())) + 32, '\0');
    s.zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    s.zs.avail_in = static_cast<uInt>(data.size());
    s.zs.next_out = reinterpret_cast<Bytef*>(out.data());
    s.zs.avail_out = static_cast<uInt>(out.size());
    if (deflate(&s.zs, Z_FINISH) != Z_STREAM_END) throw Error("zlib: gzip compression failed");
    out.resize(s.zs.total_out);
    return out;
}

std::string gzip_decompress(std::string_view data) {
    Stream s(false);
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
