"""The font documents and images use for Chinese (and Latin) text.

WenQuanYi Micro Hei (文泉驿微米黑, Apache 2.0 or GPLv3 with the font exception) as the
`paperang-p2-fonts-cjk` package installs it: TrueType outlines, so ReportLab embeds a subset of it
in each PDF (its built-in STSong-Light is not embedded, and shows as boxes in a viewer without
Adobe's Asian font pack), and it covers GB 18030's Hanzi as well as Latin. The file is a font
collection: face 0 is the proportional face."""

from functools import cache
from importlib.resources import files
from pathlib import Path

FONT_PACKAGE = "paperang_p2_fonts_cjk"
FONT_FILE = "fonts/wqy-microhei.ttc"
FACE_INDEX = 0  # WenQuanYi Micro Hei; 1 is its monospaced face


@cache
def cjk_font_path() -> Path:
    """The font file (a TrueType collection; use face `FACE_INDEX`)."""
    path = Path(str(files(FONT_PACKAGE).joinpath(FONT_FILE)))
    if not path.is_file():
        raise FileNotFoundError(f"the CJK font is missing: {path} (pip install -e .)")
    return path
