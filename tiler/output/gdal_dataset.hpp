#pragma once
// RAII over one GDALDataset opened for writing vector layers. Every failure throws GdalError naming the
// driver, the file and (where there is one) the layer, with GDAL's own message.
#include <memory>
#include <string>
#include <vector>

#include <ogr_core.h>

class GDALDataset;
class OGRLayer;
class OGRFeature;
class OGRGeometry;

namespace tiler {

/// Registers the GDAL drivers once (thread-safe).
void gdal_init();

class GdalDataset {
public:
    /// Creates `file` with `driver` (e.g. "GPKG"); `options` are KEY=VALUE dataset creation options.
    static GdalDataset create(const std::string& driver, const std::string& file,
                              const std::vector<std::string>& options = {});
    GdalDataset(GdalDataset&&) noexcept;
    GdalDataset& operator=(GdalDataset&&) noexcept;
    ~GdalDataset();   ///< closes without reporting errors; call close() to see them

    /// Creates a layer; `epsg` 0 = no SRS (attribute table). `options` are layer creation options.
    OGRLayer& create_layer(const std::string& name, OGRwkbGeometryType type, int epsg,
                           const std::vector<std::string>& options = {});
    /// Adds a field (`width` 0 = unlimited; `subtype` e.g. OFSTBoolean).
    void add_field(OGRLayer& layer, const std::string& name, OGRFieldType type, int width = 0,
                   OGRFieldSubType subtype = OFSTNone);
    /// Writes a feature (its FID is assigned by the layer).
    void add_feature(OGRLayer& layer, OGRFeature& feature);

    void begin();    ///< starts a transaction
    void commit();   ///< commits it

    /// Flushes and closes; throws GdalError if GDAL reported a failure while doing so.
    void close();

    GDALDataset* get() const noexcept { return ds_.get(); }
    const std::string& file() const noexcept { return file_; }
    const std::string& driver() const noexcept { return driver_; }

private:
    struct Closer { void operator()(GDALDataset* ds) const noexcept; };
    GdalDataset(std::string driver, std::string file, GDALDataset* ds);
    [[noreturn]] void fail(const std::string& what, const std::string& layer = {}) const;

    std::string driver_;
    std::string file_;
    std::unique_ptr<GDALDataset, Closer> ds_;
};

/// Sets GDAL configuration options for the current thread while alive; restores the old values after.
class ScopedGdalConfig {
public:
    ScopedGdalConfig(std::vector<std::pair<std::string, std::string>> options);
    ~ScopedGdalConfig();
    ScopedGdalConfig(const ScopedGdalConfig&) = delete;
    ScopedGdalConfig& operator=(const ScopedGdalConfig&) = delete;

private:
    struct Saved { std::string key; bool had = false; std::string value; };
    std::vector<Saved> saved_;
};

} // namespace tiler
