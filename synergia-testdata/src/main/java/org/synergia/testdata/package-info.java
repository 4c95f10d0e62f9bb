/** The reference data sets and values of the tests, read by name through {@link org.synergia.testdata.TestFiles}. */
package org.synergia.testdata;
