package org.synergia.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.synergia.cases.run.Credibility;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.Text;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.PooledRecord;
import org.synergia.cases.store.StudyRecord;
import org.synergia.report.documents.CaseResults;
import org.synergia.report.documents.TermLabels;
import org.synergia.report.documents.Workspace;
import org.synergia.report.i18n.Messages;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.Estimators;
import org.synergia.stats.inference.Term;
import org.synergia.web.site.CaseFilter;

/**
 * The JSON documents of the portal's API ({@code /api/...}), described by
 * {@code org/synergia/web/openapi.json}. Identifiers, term names and numbers are exactly those of
 * the results store; a number the store does not have (NaN) is {@code null}.
 */
public final class ApiDocuments {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiDocuments() {}

    /**
     * @param w the workspace
     * @return {@code /api/cases}: every case with its status and links
     */
    public static ObjectNode cases(Workspace w) {
        ObjectNode doc = F.objectNode();
        doc.put("software_version", w.softwareVersion());
        doc.put("simulated", w.anySimulated());
        ArrayNode arr = doc.putArray("cases");
        w.cases().forEach(c -> arr.add(caseSummary(c)));
        return doc;
    }

    private static ObjectNode caseSummary(CaseResults c) {
        CaseSpec s = c.spec();
        ObjectNode o = F.objectNode();
        o.put("id", s.id());
        o.put("country", s.country().en());
        o.set("country_text", text(s.country()));
        o.put("region", CaseFilter.name(s.region()));
        o.set("title", text(s.title()));
        o.put("status", c.record().map(r -> r.status()).orElse("not-run"));
        o.put("simulated", c.simulated());
        ArrayNode types = o.putArray("programme_types");
        s.programmes().stream().map(p -> CaseFilter.name(p.type())).distinct().forEach(types::add);
        ArrayNode domains = o.putArray("outcome_domains");
        s.outcomes().stream().map(x -> CaseFilter.name(x.domain())).distinct().forEach(domains::add);
        o.put("estimates", c.estimates().size());
        ObjectNode links = o.putObject("links");
        links.put("self", "/api/cases/" + s.id());
        links.put("estimates", "/api/cases/" + s.id() + "/estimates");
        links.put("estimates_csv", "/api/cases/" + s.id() + "/estimates.csv");
        links.put("page", "/cases/" + s.id());
        return o;
    }

    /**
     * @param c a case
     * @return {@code /api/cases/{id}}: the case's description in three languages and its data's provenance
     */
    public static ObjectNode caseDetail(CaseResults c) {
        CaseSpec s = c.spec();
        ObjectNode o = caseSummary(c);
        o.set("summary", text(s.summary()));
        ArrayNode programmes = o.putArray("programmes");
        for (CaseSpec.Programme p : s.programmes()) {
            ObjectNode po = programmes.addObject();
            po.put("id", p.id());
            po.put("name", p.name());
            po.put("type", CaseFilter.name(p.type()));
            po.put("institution", p.institution());
            po.set("description", text(p.description()));
        }
        ObjectNode design = o.putObject("design");
        design.set("method", text(s.design().method()));
        design.put("households", s.design().households());
        design.put("clusters", s.design().clusters());
        o.set("institutional_summary", text(s.institutional().summary()));
        ArrayNode findings = o.putArray("findings");
        s.findings().forEach(t -> findings.add(text(t)));
        ArrayNode recs = o.putArray("recommendations");
        s.recommendations().forEach(t -> recs.add(text(t)));
        ObjectNode data = o.putObject("data");
        c.record().ifPresent(r -> {
            data.put("file", r.dataFile());
            data.put("sha256", r.dataSha256());
            data.put("rows", r.rows());
            data.put("simulated", r.simulated());
            data.put("seed", r.seed());
            data.put("message", r.message());
        });
        return o;
    }

    /**
     * @param c a case
     * @return {@code /api/cases/{id}/estimates}: every stored estimate
     */
    public static ObjectNode estimates(CaseResults c) {
        ObjectNode doc = F.objectNode();
        doc.put("case", c.spec().id());
        doc.put("simulated", c.simulated());
        ArrayNode arr = doc.putArray("estimates");
        for (EstimateRecord e : c.estimates()) {
            ObjectNode o = arr.addObject();
            o.put("analysis", e.analysisId());
            o.put("estimator", e.estimator());
            o.put("outcome", e.outcome());
            o.put("domain", e.domain());
            o.put("term", e.termName());
            o.put("label", e.label());
            o.set("label_text", termLabel(c.spec(), e.term()));
            o.set("estimate", number(e.estimate()));
            o.set("se", number(e.se()));
            o.set("ci_low", number(e.ciLow()));
            o.set("ci_high", number(e.ciHigh()));
            o.set("p_value", number(e.pValue()));
            o.set("q_value", number(e.qValue()));
            o.put("n", e.n());
            o.set("truth", number(e.truth()));
            o.set("scale", number(e.scale()));
            List<DiagnosticRecord> checks = c.diagnostics().stream().filter(d -> d.analysisId().equals(e.analysisId())).toList();
            Map<?, ?> ev = (Map<?, ?>) Credibility.read(checks, e.outcome(), Credibility.eValueKey(e.termName())).orElse(Map.of());
            Map<?, ?> rv = (Map<?, ?>) Credibility.read(checks, e.outcome(), Credibility.sensitivityKey(e.termName())).orElse(Map.of());
            o.set("e_value", value(ev.get("e_value")));
            o.set("e_value_ci", value(ev.get("e_value_ci")));
            o.set("rv_q", value(rv.get("rv_q")));
            o.set("rv_qa", value(rv.get("rv_qa")));
        }
        ArrayNode balance = doc.putArray("balance");
        for (DiagnosticRecord d : c.diagnostics()) {
            if (d.key().equals(Credibility.BALANCE)) {
                for (Object row : (List<?>) Credibility.read(List.of(d), d.outcome(), Credibility.BALANCE).orElseThrow()) {
                    ObjectNode b = balance.addObject();
                    b.put("analysis", d.analysisId());
                    b.put("outcome", d.outcome());
                    ((Map<?, ?>) row).forEach((k, v) -> b.set(String.valueOf(k), value(v)));
                }
            }
        }
        return doc;
    }

    /** A value of a JSON diagnostic read back: numbers (NaN as null), booleans and text. */
    private static JsonNode value(Object v) {
        if (v instanceof Number n) {
            return number(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        return v == null ? F.nullNode() : F.textNode(String.valueOf(v));
    }

    /**
     * @param w the workspace
     * @return {@code /api/synthesis}: the pooled effects and the cases' standardised effects behind them
     */
    public static ObjectNode synthesis(Workspace w) {
        ObjectNode doc = F.objectNode();
        doc.put("simulated", w.anySimulated());
        ArrayNode pooled = doc.putArray("pooled");
        for (PooledRecord p : w.pooled()) {
            ObjectNode o = pooled.addObject();
            o.put("domain", p.domain());
            o.put("comparison", p.comparison());
            o.put("region", p.region());
            o.put("studies", p.studies());
            o.set("estimate", number(p.estimate()));
            o.set("se", number(p.se()));
            o.set("ci_low", number(p.ciLow()));
            o.set("ci_high", number(p.ciHigh()));
            o.set("pi_low", number(p.piLow()));
            o.set("pi_high", number(p.piHigh()));
            o.set("p_value", number(p.pValue()));
            o.set("tau2", number(p.tau2()));
            o.set("i2", number(p.i2()));
            o.put("method", p.method());
        }
        ArrayNode studies = doc.putArray("studies");
        for (StudyRecord s : w.studies()) {
            ObjectNode o = studies.addObject();
            o.put("domain", s.domain());
            o.put("comparison", s.comparison());
            o.put("case", s.caseId());
            o.put("region", s.region());
            o.put("analysis", s.analysisId());
            o.put("outcomes", s.outcomes());
            o.set("estimate", number(s.estimate()));
            o.set("se", number(s.se()));
        }
        return doc;
    }

    /**
     * @param registry the estimator registry
     * @return {@code /api/estimators}: every estimator with its options, as {@code synergia estimate NAME} takes them
     */
    public static ObjectNode estimators(Estimators registry) {
        ObjectNode doc = F.objectNode();
        ArrayNode arr = doc.putArray("estimators");
        for (Estimator e : registry.all()) {
            ObjectNode o = arr.addObject();
            o.put("name", e.name());
            o.put("description", e.description());
            o.put("weights", e.accepts(EstimatorOption.WEIGHTS));
            o.put("cluster", e.accepts(EstimatorOption.CLUSTER));
            ArrayNode options = o.putArray("options");
            for (EstimatorOption d : e.options()) {
                if (d.hidden()) {
                    continue;
                }
                ObjectNode od = options.addObject();
                od.put("name", d.name());
                od.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
                od.put("required", d.required());
                if (d.defaultValue().isPresent()) {
                    od.put("default", d.defaultValue().get());
                } else {
                    od.putNull("default");
                }
                ArrayNode choices = od.putArray("choices");
                d.choices().forEach(choices::add);
                od.put("description", d.describe());
            }
        }
        return doc;
    }

    /**
     * @param status the HTTP status
     * @param message what went wrong, naming no file or path
     * @return an error document
     */
    public static ObjectNode error(int status, String message) {
        ObjectNode doc = F.objectNode();
        doc.put("status", status);
        doc.put("error", message);
        return doc;
    }

    /**
     * @param node a document
     * @return its JSON text
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a JSON document: " + e.getMessage(), e);
        }
    }

    private static JsonNode number(double v) {
        return Double.isFinite(v) ? F.numberNode(v) : F.nullNode();
    }

    /** A stored term in the words of each language, as the reports and pages write it. */
    private static ObjectNode termLabel(CaseSpec spec, Term term) {
        ObjectNode o = F.objectNode();
        for (String language : Messages.LANGUAGES) {
            o.put(language, TermLabels.label(spec, term, Messages.of(language)));
        }
        return o;
    }

    private static ObjectNode text(Text t) {
        ObjectNode o = F.objectNode();
        o.put("en", t.en());
        o.put("es", t.es());
        o.put("fr", t.fr());
        return o;
    }
}
