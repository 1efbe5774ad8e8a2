#pragma once
// Text normalisation for matching what people type against what the data says.
#include <cstddef>
#include <string>
#include <string_view>

namespace tiler {

/// Collapses every run of whitespace (ASCII space, tab, CR, LF, and U+00A0 no-break space) into one space and trims
/// both ends. Curly quotes become straight ones (U+2018/U+2019/U+201B/U+2032 -> `'`, U+201C/U+201D/U+201F/U+2033 -> `"`).
std::string collapse_text(std::string_view s);

/// collapse_text() and ASCII lower case: the key under which names and aliases are looked up.
std::string name_key(std::string_view s);

/// At most `n` code points of UTF-8 `s` (never cuts a sequence), with "…" appended if anything was cut.
std::string utf8_prefix(std::string_view s, std::size_t n);

} // namespace tiler
