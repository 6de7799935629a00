# The Exchange 2010 servers. Redmond's two multi-role servers were last
# updated in December 2013; the Fargo branch server was forgotten at SP2.

server "LIT-EX10-01" {
  site    = "Redmond"
  version = "2010"
  update  = "SP3 RU4"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2008R2"
}

server "LIT-EX10-02" {
  site    = "Redmond"
  version = "2010"
  update  = "SP3 RU4"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2008R2"
}

server "LIT-EX10-FGO" {
  site    = "Fargo"
  version = "2010"
  update  = "SP2 RU8"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2008R2"
}

# The old Edge server still handles Fargo's inbound Internet mail.
server "LIT-EDGE10" {
  version        = "2010"
  update         = "SP3 RU32"
  roles          = ["edge_transport"]
  os             = "2008R2"
  network        = "perimeter"
  edge_sync      = true
  edge_sync_site = "Fargo"
}

dag "LIT-DAG10" {
  members = ["LIT-EX10-01", "LIT-EX10-02"]
  witness = "LIT-FS01"
}
