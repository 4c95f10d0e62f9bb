/** The calibrated LEWIE economy, its market-clearing equations and the fixed-price SAM multiplier benchmark. */
package org.synergia.lewie.model;
