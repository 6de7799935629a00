# One DAG per datacenter. PW-NY17 is meant to move to London.

dag "PW-DAG-NYC" {
  members = ["PW-NY01", "PW-NY02", "PW-NY03", "PW-NY04", "PW-NY05", "PW-NY06", "PW-NY07", "PW-NY08", "PW-NY09", "PW-NY10", "PW-NY11", "PW-NY12", "PW-NY13", "PW-NY14", "PW-NY15", "PW-NY16", "PW-NY17"]
  witness = "PW-NY09"
}

dag "PW-DAG-LON" {
  members = ["PW-LN01", "PW-LN02", "PW-EDGE01", "PW-NY17"]
  witness = "pw-dc02.proseware.com"
}
