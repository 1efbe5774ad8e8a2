#pragma once
// Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
#include <cstddef>
#include <optional>
#include <string_view>

namespace tiler {

/// Byte offset (0-based) of the first byte of the first invalid or truncated sequence, or nullopt if valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// 1-based physical line of byte `offset` in `text` (counts '\n' before it).
std::size_t line_of_offset(std::string_view text, std::size_t offset);

/// Throws InputError(file, line, "invalid UTF-8 at byte N (line L, column C)") if `text` is not valid UTF-8.
void require_utf8(std::string_view text, const std::string& file);

} // namespace tiler
