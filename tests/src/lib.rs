//! Workspace-level tests of errstatus; see tests/.
