#pragma once
// gzip through zlib's own API, for tests: an independent reader of what the archive writers store, and a way
// to make gzip bytes the writers would never make themselves (another compression level).
#include <string>
#include <string_view>

namespace tiler::test {

/// Decompresses a gzip stream; throws std::runtime_error if it is corrupt or truncated.
std::string zlib_gunzip(std::string_view gz);

/// gzip-compresses `data` at zlib `level` (0 = stored blocks, 9 = best).
std::string zlib_gzip(std::string_view data, int level);

} // namespace tiler::test
