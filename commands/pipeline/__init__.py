"""The funnel (`/pipeline`, 漏斗): counts and amounts per open stage, conversion, median days in
each stage and the weighted forecast, for a rep, a team (each rep on a line) or every team.

- `text`: the grammar of `/pipeline` (a period, or none); `scope`: whose pipeline one sees;
- `queries`: the aggregates (GROUP BY and window functions, never every row in Python);
- `money`: amounts into the reporting currency, missing rates named; `report`: all of it.
"""

from commands.pipeline.report import (
    Forecast,
    PipelineReport,
    RepFigures,
    StageFigures,
    TeamFunnel,
    pipeline_report,
    today_on,
)
from commands.pipeline.text import ShowHelp, ShowPipeline, parse_pipeline_command

__all__ = [
    "Forecast",
    "PipelineReport",
    "RepFigures",
    "ShowHelp",
    "ShowPipeline",
    "StageFigures",
    "TeamFunnel",
    "parse_pipeline_command",
    "pipeline_report",
    "today_on",
]
