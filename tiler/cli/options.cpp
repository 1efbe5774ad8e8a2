#include "cli/options.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <functional>
#include <thread>

namespace tiler::cli {

namespace {

constexpr unsigned kMaxJobs = 1024;

struct CommandInfo {
    Command command;
    const char* name;
    const char* summary;
};

const CommandInfo kCommands[] = {
    {Command::Build, "build", "build everything from the sources: GeoPackage, vector and raster tiles, viewer, maps, GIF, stats"},
    {Command::Check, "check", "validate the sources, run the event log, warn about slivers; write nothing"},
};

/// One option: a long name, an optional short one, the value it takes (nullptr = a flag), the commands
/// it belongs to, and how it sets the Options.
struct OptionSpec {
    const char* name;
    char short_name;
    const char* value_name;
    const char* help;
    std::vector<Command> commands;
    std::function<void(Options&, const std::string&)> set;
};

unsigned parse_count(const std::string& option, const std::string& value, unsigned max) {
    const bool digits = !value.empty() && value.size() <= 9 && value.find_first_not_of("0123456789") == std::string::npos;
    const unsigned long n = digits ? std::stoul(value) : 0;
    if (!digits || n < 1 || n > max)
        throw UsageError("option " + option + ": '" + value + "' is not a number from 1 to " + std::to_string(max));
    return static_cast<unsigned>(n);
}

unsigned parse_zoom(const std::string& option, const std::string& value) {
    const bool digits = !value.empty() && value.size() <= 2 && value.find_first_not_of("0123456789") == std::string::npos;
    const unsigned long z = digits ? std::stoul(value) : kMaxZoom + 1;
    if (z > kMaxZoom)
        throw UsageError("option " + option + ": '" + value + "' is not a zoom level from 0 to " + std::to_string(kMaxZoom));
    return static_cast<unsigned>(z);
}

std::string parse_base_url(const std::string& value) {
    if (value.compare(0, 7, "http://") != 0 && value.compare(0, 8, "https://") != 0)
        throw UsageError("option --base-url: '" + value + "' is not an absolute http:// or https:// URL");
    if (value.find_first_of(" \t\n\"<>{}") != std::string::npos)
        throw UsageError("option --base-url: '" + value + "' contains a space, a quote, '<', '>', '{' or '}'");
    return value.back() == '/' ? value : value + "/";
}

const std::vector<OptionSpec>& option_table() {
    static const std::vector<OptionSpec> table = {
        {"sources", 0, "DIR", "the sources folder (default: sources)", {Command::Build, Command::Check},
         [](Options& o, const std::string& v) { o.sources = v; }},
        {"styles", 0, "DIR", "the styles folder (default: styles)", {Command::Build, Command::Check},
         [](Options& o, const std::string& v) { o.styles = v; }},
        {"out", 'o', "DIR", "the output folder, replaced atomically (default: output)", {Command::Build},
         [](Options& o, const std::string& v) { o.out = v; }},
        {"jobs", 'j', "N", "threads to use (default: the number of hardware threads)", {Command::Build},
         [](Options& o, const std::string& v) { o.jobs = parse_count("--jobs", v, kMaxJobs); }},
        {"quiet", 'q', nullptr, "no progress and no summary", {Command::Build},
         [](Options& o, const std::string&) { o.quiet = true; }},
        {"minzoom", 0, "Z", "lowest zoom of the vector tiles (default: 0)", {Command::Build},
         [](Options& o, const std::string& v) { o.minzoom = parse_zoom("--minzoom", v); }},
        {"maxzoom", 0, "Z", "highest zoom of the vector tiles (default: 12, at most 16)", {Command::Build},
         [](Options& o, const std::string& v) { o.maxzoom = parse_zoom("--maxzoom", v); }},
        {"tile-dirs", 0, nullptr, "also write the tile trees tiles/<date>/{z}/{x}/{y}.mvt", {Command::Build},
         [](Options& o, const std::string&) { o.tile_dirs = true; }},
        {"base-url", 0, "URL", "absolute URL where the output folder is served (TileJSON, styles; default: relative)",
         {Command::Build}, [](Options& o, const std::string& v) { o.base_url = parse_base_url(v); }},
        {"no-raster", 0, nullptr, "skip the raster stage: PNG tiles, maps/, offensive.gif, stats.png", {Command::Build},
         [](Options& o, const std::string&) { o.raster = false; }},
        {"raster-minzoom", 0, "Z", "lowest zoom of the PNG tiles (default: 0)", {Command::Build},
         [](Options& o, const std::string& v) { o.raster_minzoom = parse_zoom("--raster-minzoom", v); }},
        {"raster-maxzoom", 0, "Z", "highest zoom of the PNG tiles (default: 10, at most 16)", {Command::Build},
         [](Options& o, const std::string& v) { o.raster_maxzoom = parse_zoom("--raster-maxzoom", v); }},
    };
    return table;
}

bool applies(const OptionSpec& spec, Command c) {
    return std::find(spec.commands.begin(), spec.commands.end(), c) != spec.commands.end();
}

std::string help_hint(Command c) {
    return c == Command::None ? "see 'tiler --help'" : std::string("see 'tiler ") + command_name(c) + " --help'";
}

const OptionSpec* find_long(const std::string& name, Command c) {
    for (const auto& spec : option_table())
        if (name == spec.name && applies(spec, c)) return &spec;
    return nullptr;
}

const OptionSpec* find_short(char name, Command c) {
    for (const auto& spec : option_table())
        if (spec.short_name != 0 && name == spec.short_name && applies(spec, c)) return &spec;
    return nullptr;
}

Command find_command(const std::string& name) {
    for (const auto& info : kCommands)
        if (name == info.name) return info.command;
    return Command::None;
}

} // namespace

unsigned default_jobs() { return std::max(1U, std::thread::hardware_concurrency()); }

const char* command_name(Command command) {
    for (const auto& info : kCommands)
        if (info.command == command) return info.name;
    return "";
}

Options parse_options(const std::vector<std::string>& args) {
    Options o;
    o.jobs = default_jobs();
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") { o.help = true; continue; }
        if (arg == "--version" && o.command == Command::None) { o.version = true; continue; }
        if (arg.size() < 2 || arg[0] != '-') {
            if (o.command != Command::None)
                throw UsageError("unexpected argument '" + arg + "' (" + help_hint(o.command) + ")");
            o.command = find_command(arg);
            if (o.command == Command::None) throw UsageError("unknown command '" + arg + "' (see 'tiler --help')");
            continue;
        }
        const OptionSpec* spec = nullptr;
        std::string shown;
        std::string value;
        bool has_value = false;
        if (arg.compare(0, 2, "--") == 0) {
            std::string name = arg.substr(2);
            const auto eq = name.find('=');
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name.resize(eq);
                has_value = true;
            }
            shown = "--" + name;
            spec = find_long(name, o.command);
        } else {
            shown = arg.substr(0, 2);
            spec = find_short(arg[1], o.command);
            if (arg.size() > 2) { value = arg.substr(2); has_value = true; }   // -j4
        }
        if (!spec) {
            const std::string where = o.command == Command::None ? "" : std::string(" for '") + command_name(o.command) + "'";
            throw UsageError("unknown option '" + shown + "'" + where + " (" + help_hint(o.command) + ")");
        }
        if (!spec->value_name) {
            if (has_value) throw UsageError("option " + shown + " takes no value (" + help_hint(o.command) + ")");
            spec->set(o, "");
            continue;
        }
        if (!has_value) {
            if (i + 1 >= args.size())
                throw UsageError("option " + shown + " needs a value " + spec->value_name + " (" + help_hint(o.command) + ")");
            value = args[++i];
        }
        if (value.empty()) throw UsageError("option " + shown + ": empty value (" + help_hint(o.command) + ")");
        spec->set(o, value);
    }
    if (o.minzoom > o.maxzoom)
        throw UsageError("--minzoom " + std::to_string(o.minzoom) + " is above --maxzoom " + std::to_string(o.maxzoom) +
                         " (" + help_hint(o.command) + ")");
    if (o.raster_minzoom > o.raster_maxzoom)
        throw UsageError("--raster-minzoom " + std::to_string(o.raster_minzoom) + " is above --raster-maxzoom " +
                         std::to_string(o.raster_maxzoom) + " (" + help_hint(o.command) + ")");
    return o;
}

std::string usage(Command command) {
    std::string out;
    if (command == Command::None) {
        out = "Usage: tiler [--help] [--version] <command> [options]\n\n"
              "Daily territorial-control maps from an event log: GeoPackage, vector and raster tiles, maps, GIF, stats.\n\n"
              "Commands:\n";
        for (const auto& info : kCommands) {
            std::string name = info.name;
            name.resize(8, ' ');
            out += "  " + name + info.summary + "\n";
        }
        out += "\nOptions:\n  -h, --help    show this help (also after a command)\n      --version show the version\n\n"
               "Exit codes: 0 ok, 1 failure while running, 2 bad input or usage.\n";
        return out;
    }
    out = std::string("Usage: tiler ") + command_name(command);
    for (const auto& spec : option_table())
        if (applies(spec, command))
            out += std::string(" [--") + spec.name + (spec.value_name ? std::string(" ") + spec.value_name : "") + "]";
    for (const auto& info : kCommands)
        if (info.command == command) out += std::string("\n\n") + "Purpose: " + info.summary + ".\n\nOptions:\n";
    for (const auto& spec : option_table()) {
        if (!applies(spec, command)) continue;
        std::string left = spec.short_name ? std::string("-") + spec.short_name + ", " : std::string("    ");
        left += std::string("--") + spec.name + (spec.value_name ? std::string(" ") + spec.value_name : "");
        if (left.size() < 22) left.resize(22, ' ');   // the widest: "    --raster-minzoom Z"
        out += "  " + left + "  " + spec.help + "\n";
    }
    std::string help = "-h, --help";
    help.resize(22, ' ');
    out += "  " + help + "  show this help\n";
    return out;
}

} // namespace tiler::cli
