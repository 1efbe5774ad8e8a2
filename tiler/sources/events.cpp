// events.csv: the event log. See sources/README.md for the format.
//
// The date range: the baseline is the first date of the log (so no event can precede it), and the map covers
// the days from the baseline to the last event. To catch typos in the year or month (2025-12-03 for 2024-12-03),
// no event may be more than kMaxDaysAfterBaseline (366) days after the baseline: a log covers at most a year.
#include "core/error.hpp"
#include "sources/load_detail.hpp"
#include "sources/suggest.hpp"
#include "sources/text.hpp"

#include <algorithm>
#include <map>

namespace tiler::detail {
namespace {

enum Col { kDate, kSeq, kTarget, kFaction, kFrom, kQuote, kNote };

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Date parse_date(const std::string& s, const std::string& file, std::size_t line) {
    if (const auto d = Date::parse(s)) return *d;
    const bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-' && all_digits(s.substr(0, 4)) &&
                        all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2));
    if (shaped) throw InputError(file, line, "impossible date '" + s + "' (no such day)");
    throw InputError(file, line, "malformed date '" + s + "' (expected YYYY-MM-DD)");
}

class EventParser {
public:
    EventParser(const std::string& file, const EventChecks& checks)
        : file_(file), checks_(checks), places_(checks.src.places) {}

    Event parse(const CsvRow& row) {
        line_ = row.line;
        auto at = [&](Col c) -> const std::string& { return row.fields[static_cast<std::size_t>(c)]; };
        Event e;
        e.line = row.line;
        e.date = parse_date(at(kDate), file_, line_);
        const std::string& seq = at(kSeq);
        if (!all_digits(seq) || seq[0] == '0' || seq.size() > 9) fail("seq '" + seq + "' is not a positive integer");
        e.seq = std::stoi(seq);
        e.target = at(kTarget);
        resolve_target(e);
        e.faction = at(kFaction);
        check_faction(e.faction, "faction");
        e.from = at(kFrom);
        if (!e.from.empty()) {
            check_faction(e.from, "from");
            if (e.from == e.faction) fail("from and faction are both '" + e.faction + "' (nothing would change hands)");
        }
        e.quote = at(kQuote);
        check_quote(e.quote);
        e.note = at(kNote);
        if (collapse_text(e.note).empty()) fail("empty note (say how the quote became this event)");
        return e;
    }

    [[noreturn]] void fail(const std::string& problem) const { throw InputError(file_, line_, problem); }

private:
    void resolve_target(Event& e) const {
        const std::string& t = e.target;
        const auto colon = t.find(':');
        const std::string kind = t.substr(0, colon);
        const std::string arg = colon == std::string::npos ? std::string() : t.substr(colon + 1);
        if (kind == "country") {
            if (colon != std::string::npos) fail("target 'country' takes no argument: '" + t + "'");
            e.kind = TargetKind::Country;
            return;
        }
        if (colon == std::string::npos || (kind != "place" && kind != "area" && kind != "governorate"))
            fail("unknown target '" + t + "' (expected place:<id, name or alias>, area:<id>, "
                 "governorate:<name or PCODE> or country)");
        if (arg.empty()) fail("target '" + t + "' has no argument");
        if (kind == "place") {
            e.kind = TargetKind::Place;
            e.index = places_.resolve(arg, file_, line_);
        } else if (kind == "area") {
            e.kind = TargetKind::Area;
            e.index = find_area(arg);
        } else {
            e.kind = TargetKind::Governorate;
            e.index = find_governorate(arg);
        }
    }

    std::size_t find_area(const std::string& id) const {
        const auto& areas = checks_.src.areas;
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < areas.size(); ++i) {
            if (areas[i].id == id) return i;
            ids.push_back(areas[i].id);
        }
        fail("unknown area '" + id + "' (no areas/" + id + ".geojson)" + did_you_mean(id, ids));
    }

    std::size_t find_governorate(const std::string& x) const {
        const auto& govs = checks_.src.governorates;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < govs.size(); ++i) {
            if (govs[i].name == x || govs[i].id == x) return i;
            names.push_back(govs[i].name);
            names.push_back(govs[i].id);
        }
        fail("unknown governorate '" + x + "'" + did_you_mean(x, names));
    }

    void check_faction(const std::string& id, const char* column) const {
        if (checks_.src.styles.find(id)) return;
        std::vector<std::string> ids;
        for (const auto& f : checks_.src.styles.factions) ids.push_back(f.id);
        fail(std::string("unknown faction '") + id + "' in column " + column + " (not in styles/factions.json)" +
             did_you_mean(id, ids));
    }

    void check_quote(const std::string& quote) const {
        const std::string q = collapse_text(quote);
        if (q.empty()) fail("empty quote (every event rests on a sentence of the seed article)");
        if (checks_.seed.find(q) == std::string::npos)
            fail("quote not found in the seed article (" + checks_.seed_file + "): '" + utf8_prefix(q, 60) + "'");
    }

    const std::string& file_;
    const EventChecks& checks_;
    PlaceIndex places_;
    std::size_t line_ = 0;
};

} // namespace

std::vector<Event> parse_events(const CsvTable& table, const std::string& file, const EventChecks& checks) {
    if (table.rows.empty()) throw InputError(file, 0, "no events (the first date is the baseline)");
    EventParser parser(file, checks);
    std::vector<Event> events;
    events.reserve(table.rows.size());
    std::map<std::pair<std::int32_t, int>, std::size_t> first_line;   // (date, seq) -> line
    for (const auto& row : table.rows) {
        Event e = parser.parse(row);
        const auto [it, fresh] = first_line.emplace(std::make_pair(e.date.days(), e.seq), e.line);
        if (!fresh)
            throw InputError(file, e.line, "duplicate seq " + std::to_string(e.seq) + " on " + e.date.str() +
                                               " (first at line " + std::to_string(it->second) + ")");
        events.push_back(std::move(e));
    }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return a.date != b.date ? a.date < b.date : a.seq < b.seq;
    });
    const Date first = events.front().date;
    const Date limit = first + kMaxDaysAfterBaseline;
    for (const auto& e : events) {
        if (e.date > limit)
            throw InputError(file, e.line, "event date " + e.date.str() + " is outside the range " + first.str() + ".." +
                                               limit.str() + " (at most " + std::to_string(kMaxDaysAfterBaseline) +
                                               " days after the baseline, the first date)");
    }
    return events;
}

} // namespace tiler::detail
