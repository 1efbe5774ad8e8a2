#include "output/index_json.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tiler {

namespace {

void insert_sorted(std::vector<std::string>& list, const std::string& item) {
    const auto it = std::lower_bound(list.begin(), list.end(), item);
    if (it == list.end() || *it != item) list.insert(it, item);
}

} // namespace

OutputIndex::OutputIndex(Date first, Date last) : first_(first), last_(last) {
    for (Date d = first; d <= last; d = d + 1) days_.push_back(IndexDay{d, {}});
}

void OutputIndex::add_file(const std::string& relative) { insert_sorted(files_, relative); }

void OutputIndex::add_day_file(Date date, const std::string& relative) {
    if (date < first_ || date > last_)
        throw Error("index.json: " + date.str() + " is outside " + first_.str() + ".." + last_.str());
    insert_sorted(days_[static_cast<std::size_t>(date - first_)].files, relative);
}

std::string OutputIndex::json() const {
    nlohmann::ordered_json j;
    j["tiler"] = TILER_VERSION;
    j["first"] = first_.str();
    j["last"] = last_.str();
    j["files"] = files_;
    j["days"] = nlohmann::ordered_json::array();
    for (const IndexDay& d : days_) {
        nlohmann::ordered_json day;
        day["date"] = d.date.str();
        day["files"] = d.files;
        j["days"].push_back(std::move(day));
    }
    return j.dump(2) + "\n";
}

} // namespace tiler
