// Plugins and the built-ins share the command specs and output types; the
// shell's users (tests, the executable) see the application layer's types.
@_exported import LanePlugin
@_exported import ServiceDepartment
