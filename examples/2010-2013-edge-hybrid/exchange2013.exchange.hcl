# The Exchange 2013 servers added in 2016, and the 2013 Edge server that is
# to carry hybrid mail to and from Exchange Online.

server "LIT-EX13-01" {
  site    = "Redmond"
  version = "2013"
  update  = "CU23"
  build   = "15.0.1497.48"
  roles   = ["mailbox", "client_access"]
  os      = "2012R2"
  dotnet  = "4.8"
}

# Copied from LIT-EX13-01's block; the build was pasted from an old report.
server "LIT-EX13-02" {
  site    = "Redmond"
  version = "2013"
  update  = "CU23"
  build   = "15.0.1473.6"
  roles   = ["mailbox", "client_access"]
  os      = "2012R2"
  dotnet  = "4.8"
}

server "LIT-EDGE13" {
  version        = "2013"
  update         = "CU23 Mar23SU"
  roles          = ["edge_transport"]
  os             = "2012R2"
  network        = "perimeter"
  dotnet         = "4.8"
  edge_sync      = true
  edge_sync_site = "Redmond"
}

dag "LIT-DAG13" {
  members = ["LIT-EX13-01", "LIT-EX13-02"]
  witness = "LIT-FS01"
}
