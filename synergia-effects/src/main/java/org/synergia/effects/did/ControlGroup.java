package org.synergia.effects.did;

/**
 * The comparison units of a staggered design's group-time effects, named as on the command line
 * ({@code --control-group}) and as R {@code did::att_gt}'s {@code control_group}.
 */
public enum ControlGroup {
    /** Units never treated in the data (cohort 0): {@code control_group = "nevertreated"}. */
    NEVER_TREATED("never"),
    /**
     * Units not yet treated by the later of the cell's two periods (plus the anticipation periods),
     * the never treated among them: {@code control_group = "notyettreated"}.
     */
    NOT_YET_TREATED("notyet");

    private final String label;

    ControlGroup(String label) {
        this.label = label;
    }

    /** @return the name on the command line ({@code never}, {@code notyet}) */
    public String label() {
        return label;
    }

    /**
     * @param label {@code never} or {@code notyet}
     * @return the comparison group
     * @throws IllegalArgumentException for another name (the command line offers only these)
     */
    public static ControlGroup parse(String label) {
        for (ControlGroup g : values()) {
            if (g.label.equals(label)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no comparison group " + label);
    }
}
