/** The shares and quantities a LEWIE model is calibrated from, with their standard errors, and the parameter file. */
package org.synergia.lewie.params;
