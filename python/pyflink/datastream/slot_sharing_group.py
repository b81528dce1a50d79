"""``SlotSharingGroup``: only its name is supported (no fine-grained resources)."""

__all__ = ["SlotSharingGroup"]


class SlotSharingGroup(object):
    def __init__(self, name: str) -> None:
        self._name = name

    def get_name(self) -> str:
        return self._name

    @staticmethod
    def builder(name: str) -> "SlotSharingGroup.Builder":
        return SlotSharingGroup.Builder(name)

    class Builder(object):
        def __init__(self, name: str) -> None:
            self._name = name

        def set_cpu_cores(self, cpu_cores: float) -> "SlotSharingGroup.Builder":
            raise NotImplementedError("Fine-grained slot resources are not supported by Brook yet")

        def set_task_heap_memory_mb(self, mb: int) -> "SlotSharingGroup.Builder":
            raise NotImplementedError("Fine-grained slot resources are not supported by Brook yet")

        def set_task_off_heap_memory_mb(self, mb: int) -> "SlotSharingGroup.Builder":
            raise NotImplementedError("Fine-grained slot resources are not supported by Brook yet")

        def build(self) -> "SlotSharingGroup":
            return SlotSharingGroup(self._name)
