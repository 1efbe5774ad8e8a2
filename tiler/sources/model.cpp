#include "sources/model.hpp"

namespace tiler {

std::optional<std::size_t> Styles::find(const std::string& id) const {
    for (std::size_t i = 0; i < factions.size(); ++i)
        if (factions[i].id == id) return i;
    return std::nullopt;
}

} // namespace tiler
