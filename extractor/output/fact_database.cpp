#include "output/fact_database.h"

#include <fmt/format.h>

#include "output/sqlite_support.h"

namespace kfacts {
namespace {

// The first source of each distinct number in `number_column` among the
// facts that `where` selects (SQLite takes the bare columns of an aggregate
// query from the row that MIN() chose).
std::string first_sources_query(std::string_view number_column, std::string_view where) {
    return fmt::format("SELECT f.\"{0}\", f.doc_id, d.path, f.line, f.col, f.text, MIN(f.rowid) "
                       "FROM facts f JOIN documents d ON d.doc_id = f.doc_id WHERE {1} "
                       "GROUP BY f.\"{0}\" ORDER BY MIN(f.rowid)",
                       number_column, where);
}

std::vector<StoredFact> collect(sqlite::Statement& query) {
    std::vector<StoredFact> out;
    while (query.step()) {
        StoredFact fact;
        fact.number = query.number(0).value_or("");
        fact.doc_id = query.text(1);
        fact.path = query.text(2);
        fact.line = static_cast<std::size_t>(query.integer(3));
        fact.col = static_cast<std::size_t>(query.integer(4));
        fact.text = query.text(5);
        out.push_back(std::move(fact));
    }
    query.reset();
    return out;
}

bool any_row(sqlite::Statement& query, std::string_view name) {
    query.bind_text(1, name);
    const bool found = query.step();
    query.reset();
    return found;
}

}  // namespace

struct FactDatabase::Impl {
    sqlite::Handle db;
    std::unique_ptr<sqlite::Statement> counts, scores, team, model, speaker;
};

FactDatabase::FactDatabase(const std::string& path) : impl_(std::make_unique<Impl>()) {
    Impl& x = *impl_;
    x.db = sqlite::open(path, SQLITE_OPEN_READONLY);
    const auto version = sqlite::schema_version(x.db.get());
    if (!version) throw std::runtime_error(fmt::format("{} is not a kfacts database (no schema_version)", path));
    if (*version != sqlite::kSchemaVersion) {
        throw std::runtime_error(fmt::format("{} holds kfacts facts of schema version {}; this kfacts reads version {}",
                                             path, *version, sqlite::kSchemaVersion));
    }
    x.counts = std::make_unique<sqlite::Statement>(
        x.db.get(), first_sources_query("value", "f.type = 'parameter_count' AND f.model = ?1 AND f.approximate = 0 "
                                                 "AND f.doc_id <> ?2"));
    x.scores = std::make_unique<sqlite::Statement>(
        x.db.get(), first_sources_query("score", "f.type = 'benchmark_score' AND f.benchmark = ?3 AND f.unit IS ?4 "
                                                 "AND (f.model = ?1 OR (?1 IS NULL AND f.model IS NULL AND f.team = ?2)) "
                                                 "AND f.doc_id <> ?5"));
    x.team = std::make_unique<sqlite::Statement>(x.db.get(), "SELECT 1 FROM facts WHERE team = ?1 LIMIT 1");
    x.model = std::make_unique<sqlite::Statement>(x.db.get(), "SELECT 1 FROM facts WHERE model = ?1 LIMIT 1");
    x.speaker = std::make_unique<sqlite::Statement>(x.db.get(), "SELECT 1 FROM facts WHERE speaker = ?1 LIMIT 1");
}

FactDatabase::~FactDatabase() = default;

std::vector<StoredFact> FactDatabase::parameter_counts(std::string_view model, std::string_view except_doc) {
    sqlite::Statement& q = *impl_->counts;
    q.bind_text(1, model);
    q.bind_text(2, except_doc);
    return collect(q);
}

std::vector<StoredFact> FactDatabase::benchmark_scores(const std::optional<std::string>& model,
                                                       const std::optional<std::string>& team,
                                                       std::string_view benchmark,
                                                       const std::optional<std::string>& unit,
                                                       std::string_view except_doc) {
    sqlite::Statement& q = *impl_->scores;
    if (model) q.bind_text(1, *model);
    if (team) q.bind_text(2, *team);
    q.bind_text(3, benchmark);
    if (unit) q.bind_text(4, *unit);
    q.bind_text(5, except_doc);
    return collect(q);
}

bool FactDatabase::knows_team(std::string_view name) { return any_row(*impl_->team, name); }
bool FactDatabase::knows_model(std::string_view name) { return any_row(*impl_->model, name); }
bool FactDatabase::knows_speaker(std::string_view name) { return any_row(*impl_->speaker, name); }

}  // namespace kfacts
