"""Pure computations. Importing the package first caps the BLAS thread pools of NumPy at one thread
(unless the deployment sets them): the matrices of a study are small, and on a shared 2-core server
extra BLAS threads fight the other workers and made the analysis several times slower."""

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
