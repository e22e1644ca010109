@_exported import LoopscopeTrace
