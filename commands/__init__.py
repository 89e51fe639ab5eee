from commands.when import parse_date, parse_when

__all__ = ["parse_date", "parse_when"]
