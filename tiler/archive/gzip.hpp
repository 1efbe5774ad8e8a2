#pragma once
// Deterministic gzip (RFC 1952) on zlib: no file name, modification time 0, so equal input gives equal bytes.
#include <string>
#include <string_view>

namespace tiler {

/// gzip-compresses `data` (zlib level 6). Throws Error if zlib fails.
std::string gzip_compress(std::string_view data);

/// Decompresses one gzip member. Throws Error on corrupt input.
std::string gzip_decompress(std::string_view data);

} // namespace tiler
