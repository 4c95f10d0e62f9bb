package org.synergia.web.analyst;

/** What an account may do: viewers read published results, analysts also upload and run, admins also publish and manage accounts. */
public enum Role {
    /** Reads published results. */
    VIEWER,
    /** Uploads surveys and runs analyses, sees its own results privately. */
    ANALYST,
    /** Publishes results and creates accounts. */
    ADMIN;

    /**
     * @param needed the role a page needs
     * @return whether this role has at least those rights
     */
    public boolean atLeast(Role needed) {
        return ordinal() >= needed.ordinal();
    }
}
