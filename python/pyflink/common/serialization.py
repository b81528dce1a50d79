"""Encoders and schemas, named as in PyFlink; only the variants Brook's Java side implements."""

__all__ = ["Encoder", "SimpleStringSchema", "SerializationSchema", "DeserializationSchema"]


class SerializationSchema(object):
    pass


class DeserializationSchema(object):
    pass


class SimpleStringSchema(SerializationSchema, DeserializationSchema):
    def __init__(self, charset: str = "UTF-8") -> None:
        self._charset = charset


class Encoder(object):
    """How a row-format file sink writes one record: ``simple_string`` writes ``toString()`` and a
    newline."""

    def __init__(self, kind: str, charset: str) -> None:
        self._kind = kind
        self._charset = charset

    @staticmethod
    def simple_string_encoder(charset_name: str = "UTF-8") -> "Encoder":
        return Encoder("simple_string", charset_name)
