# The Exchange 2010 servers being replaced.

server "NW-EX10-01" {
  site    = "London"
  version = "2010"
  update  = "SP3 RU30"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2008R2"
}

server "NW-EX10-02" {
  site    = "Leeds"
  version = "2010"
  update  = "SP3 RU30"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2008R2"
}

dag "NW-DAG10" {
  members = ["NW-EX10-01", "NW-EX10-02"]
  witness = "NW-FS01"
}
