// Plugins and the built-ins share the command specs and output types.
@_exported import LanePlugin
