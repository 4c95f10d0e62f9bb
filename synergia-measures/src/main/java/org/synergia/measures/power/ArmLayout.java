package org.synergia.measures.power;

/** The arms of a design. */
public enum ArmLayout {
    /** Control and one treatment. */
    TWO_ARM(2),
    /** 2x2 factorial: control, A only, B only, A+B. */
    FACTORIAL(4);

    private final int arms;

    ArmLayout(int arms) {
        this.arms = arms;
    }

    /** @return the number of arms */
    public int arms() {
        return arms;
    }
}
