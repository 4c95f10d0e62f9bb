/** Newton's method with line search for square nonlinear systems. */
package org.synergia.lewie.solve;
