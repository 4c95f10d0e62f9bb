package org.synergia.cases.spec;

import java.util.List;

/**
 * The institutional analysis of a case, in structured form: who takes part, how they coordinate,
 * and what helps or hinders coordination.
 *
 * @param summary the analysis in a paragraph
 * @param actors the institutions involved
 * @param mechanisms the coordination mechanisms
 * @param facilitators what helped coordination
 * @param obstacles what stood in its way
 */
public record Institutional(Text summary, List<Actor> actors, List<Mechanism> mechanisms, List<Factor> facilitators,
        List<Factor> obstacles) {

    /** Levels of government or action. */
    public enum Level { NATIONAL, SUBNATIONAL, LOCAL, INTERNATIONAL }

    /** Sectors of the actors. */
    public enum Sector { SOCIAL, AGRICULTURE, LABOUR, HEALTH, EDUCATION, FINANCE, PLANNING, COOPERATION, CIVIL_SOCIETY }

    /** Kinds of coordination mechanism the project compares across cases. */
    public enum MechanismType { BUDGET, TARGETING, TARGET_POPULATION, REGISTRY, COMMITTEE, AGREEMENT }

    /** Whether a mechanism links sectors at one level or levels within a sector. */
    public enum Direction { HORIZONTAL, VERTICAL }

    /**
     * An institution taking part.
     *
     * @param name its name
     * @param level its level
     * @param sector its sector
     * @param role what it does in the case
     */
    public record Actor(String name, Level level, Sector sector, Text role) {}

    /**
     * A coordination mechanism.
     *
     * @param type its kind
     * @param direction horizontal or vertical
     * @param description how it works in the case
     * @param actors the names of the actors it links
     */
    public record Mechanism(MechanismType type, Direction direction, Text description, List<String> actors) {}

    /**
     * A facilitator or obstacle of coordination.
     *
     * @param text what it is
     * @param evidence what the finding rests on (interviews, documents)
     */
    public record Factor(Text text, String evidence) {}
}
