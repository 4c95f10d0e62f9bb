/**
 * The repository's generated documents: figures of {@code docs/diagnosis.md}
 * ({@link org.synergia.cases.docs.DiagnosisDocument}, the design diagnosis of the bundled cases) and
 * {@code docs/lewie.md} ({@link org.synergia.cases.docs.LewieDocument}, the bundled LEWIE example)
 * computed from seeded runs and written between marker comments
 * ({@link org.synergia.cases.docs.MarkedSections}), the prose around them left as it was written.
 * {@link org.synergia.cases.docs.GeneratedDocument} is what {@code synergia docs} and the drift tests
 * call; {@link org.synergia.cases.docs.RepositoryRoot} finds the checkout the documents belong to.
 */
package org.synergia.cases.docs;
