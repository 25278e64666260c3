"""The build: read -> tabulate -> check -> stage -> write (``compiler/stages/``).

Every check runs before anything is written, and files are first written to a
staging directory and then moved into place, so a failing build leaves the
previous outputs exactly as they were.
"""

from __future__ import annotations

import pyarrow as pa

from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.staged import Compiled, differences
from datapkg.compiler.problems import InputError, Problems
from datapkg.compiler.stages.check import check
from datapkg.compiler.stages.read import read_inputs
from datapkg.compiler.stages.stage import stage_outputs
from datapkg.compiler.stages.tabulate import tabulate_mentions, tabulate_records
from datapkg.compiler.stages.write import write_outputs

__all__ = ["Compiled", "InputError", "compile_package", "differences", "write_outputs"]


def _return_freed_memory() -> None:
    """Hand memory Arrow has freed back to the system between stages. Its allocator keeps
    freed pages per thread, and the stages allocate on different threads, so without this
    a large build holds several hundred MB it no longer uses."""
    pa.default_memory_pool().release_unused()


def compile_package(layout: Layout) -> Compiled:
    """Everything the build would write, staged; raises InputError with every problem."""
    problems = Problems()
    inputs = read_inputs(layout, problems)
    tables, indexes = tabulate_records(inputs)
    _return_freed_memory()
    tabulate_mentions(inputs, tables, indexes, problems)
    _return_freed_memory()
    check(inputs, tables, indexes, problems)
    problems.raise_if_any()
    _return_freed_memory()
    compiled = stage_outputs(inputs, tables, problems)
    problems.raise_if_any()
    return compiled
