#include "sources/csv.hpp"

#include "core/error.hpp"
#include "sources/input_file.hpp"
#include "sources/utf8.hpp"

#include <algorithm>

namespace tiler {
namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

std::string quoted_list(const std::vector<std::string>& v) {
    std::vector<std::string> q;
    for (const auto& s : v) q.push_back("'" + s + "'");
    return join(q, ", ");
}

struct Record {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

/// Splits text into records. Tracks physical lines; a quoted field may span lines.
class Tokenizer {
public:
    Tokenizer(std::string_view text, const std::string& file) : t_(text), file_(file) {}

    bool done() const { return pos_ >= t_.size(); }

    Record next() {
        Record r;
        r.line = line_;
        std::string field;
        for (;;) {
            if (pos_ < t_.size() && t_[pos_] == '"') {
                read_quoted(field, r.line);
            } else {
                while (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != '\n' && t_[pos_] != '\r') {
                    if (t_[pos_] == '"')
                        throw InputError(file_, line_, "stray '\"' inside an unquoted field (field " +
                                                           std::to_string(r.fields.size() + 1) +
                                                           "): quote the whole field and double the quote");
                    field += t_[pos_++];
                }
            }
            r.fields.push_back(std::move(field));
            field.clear();
            if (pos_ >= t_.size()) return r;
            const char c = t_[pos_];
            if (c == ',') { ++pos_; continue; }
            end_of_line();
            return r;
        }
    }

private:
    void read_quoted(std::string& field, std::size_t start_line) {
        ++pos_;   // opening quote
        for (;;) {
            if (pos_ >= t_.size())
                throw InputError(file_, start_line,
                                 "truncated row: quoted field (field starting at line " + std::to_string(start_line) +
                                     ") is not closed before the end of the file");
            const char c = t_[pos_++];
            if (c == '"') {
                if (pos_ < t_.size() && t_[pos_] == '"') { field += '"'; ++pos_; continue; }
                if (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != '\n' && t_[pos_] != '\r')
                    throw InputError(file_, line_, std::string("unexpected '") + t_[pos_] +
                                                       "' after a closing quote (expected ',' or end of line)");
                return;
            }
            if (c == '\n') ++line_;
            field += c;
        }
    }

    void end_of_line() {
        if (t_[pos_] == '\r') {
            ++pos_;
            if (pos_ >= t_.size() || t_[pos_] != '\n') throw InputError(file_, line_, "bare carriage return (CR without LF)");
        }
        ++pos_;   // '\n'
        ++line_;
    }

    std::string_view t_;
    const std::string& file_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

void check_header(const Record& h, const std::string& file, const std::vector<std::string>& columns) {
    if (h.fields == columns) return;
    const auto expected = join(columns, ",");
    const bool any_known = std::any_of(h.fields.begin(), h.fields.end(), [&](const std::string& f) {
        return std::find(columns.begin(), columns.end(), f) != columns.end();
    });
    if (!any_known)
        throw InputError(file, 1, "header missing: the first line is '" + join(h.fields, ",").substr(0, 80) +
                                      "', expected the header '" + expected + "'");
    std::vector<std::string> missing, extra, seen;
    for (const auto& c : columns)
        if (std::find(h.fields.begin(), h.fields.end(), c) == h.fields.end()) missing.push_back(c);
    for (const auto& f : h.fields) {
        if (std::find(columns.begin(), columns.end(), f) == columns.end()) extra.push_back(f);
        else if (std::find(seen.begin(), seen.end(), f) != seen.end())
            throw InputError(file, 1, "duplicate column '" + f + "' in the header (expected '" + expected + "')");
        seen.push_back(f);
    }
    std::string problem;
    if (!missing.empty()) problem = std::string("missing column") + (missing.size() > 1 ? "s " : " ") + quoted_list(missing);
    if (!extra.empty())
        problem += (problem.empty() ? "" : "; ") + std::string("extra column") + (extra.size() > 1 ? "s " : " ") +
                   quoted_list(extra);
    if (problem.empty()) problem = "columns out of order";
    throw InputError(file, 1, problem + " (expected the header '" + expected + "')");
}

} // namespace

CsvTable parse_csv(std::string_view text, const std::string& file, const std::vector<std::string>& columns) {
    require_utf8(text, file);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.empty()) throw InputError(file, 0, "empty file (expected the header '" + join(columns, ",") + "')");
    Tokenizer tok(text, file);
    const Record header = tok.next();
    check_header(header, file, columns);
    CsvTable table;
    table.columns = header.fields;
    while (!tok.done()) {
        Record r = tok.next();
        if (r.fields.size() == 1 && r.fields[0].empty())
            throw InputError(file, r.line, "empty line (every record needs " + std::to_string(columns.size()) + " fields)");
        if (r.fields.size() < columns.size()) {
            const std::vector<std::string> lacking(columns.begin() + static_cast<std::ptrdiff_t>(r.fields.size()),
                                                   columns.end());
            throw InputError(file, r.line, "truncated row: " + std::to_string(r.fields.size()) + " fields, expected " +
                                               std::to_string(columns.size()) + " (missing " + quoted_list(lacking) +
                                               ")");
        }
        if (r.fields.size() > columns.size())
            throw InputError(file, r.line, "too many fields: " + std::to_string(r.fields.size()) + ", expected " +
                                               std::to_string(columns.size()) + " (" + join(columns, ",") + ")");
        table.rows.push_back(CsvRow{r.line, std::move(r.fields)});
    }
    return table;
}

CsvTable read_csv(const std::string& path, const std::string& file, const std::vector<std::string>& columns) {
    return parse_csv(read_input_file(path, file), file, columns);
}

} // namespace tiler
