/**
 * The data model every analysis works on: a {@link org.synergia.data.Dataset} of immutable
 * {@link org.synergia.data.Column columns} ({@link org.synergia.data.NumericColumn},
 * {@link org.synergia.data.StringColumn}) with variable and value labels, storage types and the
 * kinds of missing value survey files carry (Stata's {@code .}, {@code .a}..{@code .z}, SPSS
 * user-missing codes, empty text). {@link org.synergia.data.CompleteCases} is the one missing-value
 * rule of every analysis: rows with a value in every variable used are kept, the others are counted
 * and reported, or refused under {@link org.synergia.data.MissingPolicy#REFUSE}.
 * {@link org.synergia.data.InputException} is the one-line error for anything wrong in what the
 * user gave. This package depends on no other Synergia module; the readers are in
 * {@code org.synergia.data.io}.
 */
package org.synergia.data;
