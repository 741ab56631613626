// Every suite here runs on the engines and test databases the store tests share.
@_exported import SpeedworkStoreTestSupport
