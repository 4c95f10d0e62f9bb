/** Small dense linear-algebra kernels used by the estimators (Cholesky with collinearity detection, dot products). */
package org.synergia.stats.linalg;
