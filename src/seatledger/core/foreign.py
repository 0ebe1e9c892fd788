"""Other programs' messages in our words: libyaml's problems, pydantic's error types and the
operating system's errors come in English and reach no catalogue. Each known one is a `Term`:
its English as it was (for English text and JSON) and our Chinese; an unknown one keeps its
English in English and says in Chinese what kind of problem it is."""

from __future__ import annotations

import errno

from seatledger.core.i18n import N_, Msg, Term, msg

_COLON = "此处不能出现“键: 值”（冒号后是否少了空格，或缩进不对？）"
# libyaml's problem strings (scanner.c, parser.c, reader.c)
_YAML = {
    "found character that cannot start any token": "此处的字符不能开始任何内容（如制表符、@ 或 `）",
    "found a tab character that violates indentation": "缩进中有制表符；请用空格缩进",
    "found a tab character where an indentation space is expected": "缩进中有制表符；请用空格缩进",
    "mapping values are not allowed here": _COLON,
    "mapping values are not allowed in this context": _COLON,
    "could not find expected ':'": "找不到应有的冒号“:”",
    "did not find expected key": "找不到应有的键（缩进是否对齐？）",
    "did not find expected ',' or ']'": "找不到应有的“,”或“]”（方括号是否未闭合？）",
    "did not find expected ',' or '}'": "找不到应有的“,”或“}”（花括号是否未闭合？）",
    "did not find expected node content": "找不到应有的内容",
    "did not find expected '-' indicator": "找不到应有的列表标记“-”",
    "did not find expected <document start>": "找不到应有的文档开始标记",
    "found unexpected end of stream": "文件意外结束（引号或括号是否未闭合？）",
    "found unknown escape character": "未知的转义字符（双引号中的反斜杠）",
    "found unexpected ':'": "此处不应有冒号“:”",
    "block sequence entries are not allowed in this context": "此处不能出现列表项“-”（缩进是否对齐？）",
    "found undefined tag handle": "未定义的标签",
    "control characters are not allowed": "文件中有控制字符",
    "found duplicate anchor": "重复的锚点",
    "found undefined alias": "未定义的别名",
}


def yaml_problem(text: str | None) -> Term:
    english = text or "unreadable YAML"
    return Term(english, _YAML.get(english.strip(), "此处不是有效的 YAML"))


# pydantic's error types (N_: for the catalogue); ctx carries their limits
_PYDANTIC = {
    "int_parsing": N_("{input!r} is not a whole number"),
    "int_type": N_("{input!r} is not a whole number"),
    "int_from_float": N_("{input!r} is not a whole number"),
    "decimal_parsing": N_("{input!r} is not an amount"),
    "decimal_type": N_("{input!r} is not an amount"),
    "float_parsing": N_("{input!r} is not a number"),
    "bool_parsing": N_("{input!r} is not true or false"),
    "bool_type": N_("{input!r} is not true or false"),
    "date_parsing": N_("{input!r} is not a date"),
    "date_from_datetime_parsing": N_("{input!r} is not a date"),
    "date_type": N_("{input!r} is not a date"),
    "string_type": N_("expected text"),
    "dict_type": N_("expected a mapping of keys and values"),
    "list_type": N_("expected a list"),
    "tuple_type": N_("expected a list"),
    "model_type": N_("expected a mapping of keys and values"),
    "greater_than": N_("must be greater than {gt}"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than": N_("must be less than {lt}"),
    "less_than_equal": N_("must be at most {le}"),
    "too_short": N_("expected at least {min_length} item(s)"),
    "too_long": N_("expected at most {max_length} item(s)"),
    "string_too_short": N_("expected at least {min_length} character(s)"),
    "string_too_long": N_("expected at most {max_length} character(s)"),
    "literal_error": N_("{input!r} is not one of {expected}"),
    "enum": N_("{input!r} is not one of {expected}"),
    "decimal_max_places": N_("{input!r} has more than {decimal_places} decimal places"),
    "decimal_max_digits": N_("{input!r} has more than {max_digits} digits"),
    "finite_number": N_("{input!r} is not a finite number"),
}


def pydantic_problem(kind: str, english: str, value: object, limits: dict[str, object]) -> Msg:
    """pydantic's error of type `kind` in our words; an unknown type keeps its English in
    English and names the kind of problem in Chinese."""
    template = _PYDANTIC.get(kind)
    if "expected" in limits:  # pydantic's "'a', 'b' or 'c'": the or is English
        said = str(limits["expected"])
        limits = {**limits, "expected": Term(said, said.replace(" or ", ", "))}
    if template is not None:
        try:
            return msg(template, input=value, **{k: v for k, v in limits.items() if k != "error"})
        except (KeyError, IndexError, ValueError):
            pass
    return msg("{detail}", detail=Term(english, "此值不符合合同文件的格式"))


_OS = {
    errno.ENOENT: "没有这个文件或文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许此操作",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被占用",
    errno.EMFILE: "打开的文件过多",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EIO: "读写错误",
    errno.ELOOP: "符号链接循环",
    errno.EINVAL: "参数无效",
}


def os_reason(exc: OSError) -> Term:
    """The system's reason for `exc`: its own English text, and ours in Chinese."""
    english = exc.strerror or str(exc)
    return Term(english, _OS.get(exc.errno or 0, f"系统错误（错误号 {exc.errno}）"))
