// The engines and test databases the store tests share.
@_exported import SpeedworkStoreTestSupport
