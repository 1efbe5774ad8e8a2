#include "output/gdal_dataset.hpp"

#include "core/error.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <mutex>

namespace tiler {

namespace {

std::string last_message() {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? msg : "unknown error";
}

struct CslList {
    char** list = nullptr;
    explicit CslList(const std::vector<std::string>& items) {
        for (const auto& s : items) list = CSLAddString(list, s.c_str());
    }
    ~CslList() { CSLDestroy(list); }
    CslList(const CslList&) = delete;
    CslList& operator=(const CslList&) = delete;
};

} // namespace

void gdal_init() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

void GdalDataset::Closer::operator()(GDALDataset* ds) const noexcept {
    if (ds) GDALClose(GDALDataset::ToHandle(ds));
}

GdalDataset::GdalDataset(std::string driver, std::string file, GDALDataset* ds)
    : driver_(std::move(driver)), file_(std::move(file)), ds_(ds) {}
GdalDataset::GdalDataset(GdalDataset&&) noexcept = default;
GdalDataset& GdalDataset::operator=(GdalDataset&&) noexcept = default;
GdalDataset::~GdalDataset() = default;

void GdalDataset::fail(const std::string& what, const std::string& layer) const {
    std::string where = driver_ + " " + file_;
    if (!layer.empty()) where += " layer '" + layer + "'";
    throw GdalError(where + ": " + what + ": " + last_message());
}

GdalDataset GdalDataset::create(const std::string& driver, const std::string& file,
                                const std::vector<std::string>& options) {
    gdal_init();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver.c_str());
    if (!drv) throw GdalError(driver + " " + file + ": no such GDAL driver");
    CslList opts(options);
    CPLErrorReset();
    GDALDataset* ds = drv->Create(file.c_str(), 0, 0, 0, GDT_Unknown, opts.list);
    if (!ds) throw GdalError(driver + " " + file + ": cannot create: " + last_message());
    return GdalDataset(driver, file, ds);
}

OGRLayer& GdalDataset::create_layer(const std::string& name, OGRwkbGeometryType type, int epsg,
                                    const std::vector<std::string>& options) {
    CslList opts(options);
    OGRSpatialReference srs;
    OGRSpatialReference* srs_ptr = nullptr;
    if (epsg != 0) {
        if (srs.importFromEPSG(epsg) != OGRERR_NONE) fail("cannot set up EPSG:" + std::to_string(epsg), name);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        srs_ptr = &srs;
    }
    CPLErrorReset();
    OGRLayer* layer = ds_->CreateLayer(name.c_str(), srs_ptr, type, opts.list);
    if (!layer) fail("cannot create layer", name);
    return *layer;
}

void GdalDataset::add_field(OGRLayer& layer, const std::string& name, OGRFieldType type, int width,
                            OGRFieldSubType subtype) {
    OGRFieldDefn field(name.c_str(), type);
    field.SetSubType(subtype);
    if (width > 0) field.SetWidth(width);
    CPLErrorReset();
    if (layer.CreateField(&field) != OGRERR_NONE) fail("cannot create field '" + name + "'", layer.GetName());
}

void GdalDataset::add_feature(OGRLayer& layer, OGRFeature& feature) {
    CPLErrorReset();
    if (layer.CreateFeature(&feature) != OGRERR_NONE) fail("cannot write a feature", layer.GetName());
}

void GdalDataset::begin() {
    CPLErrorReset();
    if (ds_->StartTransaction() != OGRERR_NONE) fail("cannot start a transaction");
}

void GdalDataset::commit() {
    CPLErrorReset();
    if (ds_->CommitTransaction() != OGRERR_NONE) fail("cannot commit a transaction");
}

void GdalDataset::close() {
    if (!ds_) return;
    CPLErrorReset();
    ds_.reset();
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) fail("cannot close");
}

ScopedGdalConfig::ScopedGdalConfig(std::vector<std::pair<std::string, std::string>> options) {
    for (auto& [key, value] : options) {
        Saved s;
        s.key = key;
        if (const char* old = CPLGetThreadLocalConfigOption(key.c_str(), nullptr)) {
            s.had = true;
            s.value = old;
        }
        CPLSetThreadLocalConfigOption(key.c_str(), value.c_str());
        saved_.push_back(std::move(s));
    }
}

ScopedGdalConfig::~ScopedGdalConfig() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it)
        CPLSetThreadLocalConfigOption(it->key.c_str(), it->had ? it->value.c_str() : nullptr);
}

} // namespace tiler
