# Two Mailbox servers in a DAG, the Edge Transport server in the perimeter
# network, and the management server where the administrators run the
# Exchange management tools, the Hybrid Configuration Wizard and the Hybrid
# Agent.

server "ASH-EX01" {
  site    = "Davos"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2025"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "ASH-EX02" {
  site    = "Davos"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2025"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

dag "ASH-DAG01" {
  members = ["ASH-EX01", "ASH-EX02"]
  witness = "ASH-FS01"
}

# Management tools only: no server role.
server "ASH-MGMT01" {
  site    = "Davos"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = []
  os      = "2025"
  dotnet  = "4.8.1"
  network = "internal"
}

server "ASH-EDGE01" {
  version        = "SE"
  update         = "RTM Aug26SU"
  build          = "15.2.2562.46"
  roles          = ["edge_transport"]
  os             = "2025"
  dotnet         = "4.8.1"
  network        = "perimeter"
  tls            = ["1.2"]
  edge_sync      = true
  edge_sync_site = "Davos"
}
