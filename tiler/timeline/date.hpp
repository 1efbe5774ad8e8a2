#pragma once
// A civil date (proleptic Gregorian), stored as days since 1970-01-01.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tiler {

class Date {
public:
    constexpr Date() = default;
    static constexpr Date from_days(std::int32_t days) { Date d; d.days_ = days; return d; }
    /// Strict `YYYY-MM-DD`; nullopt if malformed or impossible (2024-02-30).
    static std::optional<Date> parse(std::string_view text);
    static Date from_ymd(int y, unsigned m, unsigned d);

    std::string str() const;            ///< `YYYY-MM-DD`
    constexpr std::int32_t days() const { return days_; }
    int year() const;
    unsigned month() const;
    unsigned day() const;

    constexpr Date operator+(std::int32_t n) const { return from_days(days_ + n); }
    constexpr std::int32_t operator-(Date o) const { return days_ - o.days_; }
    constexpr bool operator==(Date o) const { return days_ == o.days_; }
    constexpr bool operator!=(Date o) const { return days_ != o.days_; }
    constexpr bool operator<(Date o) const { return days_ < o.days_; }
    constexpr bool operator<=(Date o) const { return days_ <= o.days_; }
    constexpr bool operator>(Date o) const { return days_ > o.days_; }
    constexpr bool operator>=(Date o) const { return days_ >= o.days_; }

private:
    std::int32_t days_ = 0;
};

} // namespace tiler
