#pragma once
// PMTiles v3 writer, written from the specification: a 127-byte header, a gzip-compressed root directory
// (plus leaf directories when the root would not fit in the first 16 KiB), gzip-compressed JSON metadata,
// then tile data clustered in Hilbert TileID order. Identical tiles are stored once; consecutive TileIDs
// with identical bytes become one run-length entry. MVT tiles are gzip-compressed, PNG stored as-is.
#include "archive/tileset.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tiler {

namespace pmtiles {

inline constexpr std::size_t kHeaderSize = 127;
inline constexpr std::size_t kRootLimit = 16384;   ///< header + root directory must fit in the first 16 KiB

/// The PMTiles TileID: tiles of all lower zooms first, then the position on zoom z's Hilbert curve.
std::uint64_t tile_id(std::uint32_t z, std::uint32_t x, std::uint32_t y);

struct Entry {
    std::uint64_t tile_id = 0;
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
    std::uint32_t run_length = 0;   ///< 0 = the entry points to a leaf directory
};

/// A directory serialised as the spec says (count, delta ids, run lengths, lengths, offsets; varints),
/// NOT yet compressed.
std::string serialize_directory(const std::vector<Entry>& entries);

} // namespace pmtiles

struct PmtilesOptions {
    /// The root directory holds every entry only if there are at most this many (and it fits);
    /// otherwise entries go to leaf directories.
    std::size_t max_root_entries = 4096;
    /// Entries per leaf directory to start with (doubled until the root fits).
    std::size_t leaf_entries = 4096;
};

/// What was written (also in the header).
struct PmtilesStats {
    std::uint64_t addressed_tiles = 0;
    std::uint64_t tile_entries = 0;
    std::uint64_t tile_contents = 0;
    std::size_t leaf_directories = 0;
    std::uint64_t file_size = 0;
};

/// Writes `ts` to `path` atomically. Throws Error if the tileset is empty or inconsistent, OutputError on I/O.
PmtilesStats write_pmtiles(const std::string& path, const Tileset& ts, const PmtilesOptions& options = {});

} // namespace tiler
